//! Wall time and memory per stage, for `--timings`: how a build's time and peak memory
//! split between its stages.

use std::time::{Duration, Instant};

/// One finished stage.
#[derive(Debug, Clone, Copy)]
pub struct Stage {
    /// What the stage did.
    pub name: &'static str,
    /// How long it took.
    pub took: Duration,
    /// The process's peak resident memory so far, in KiB, where the system reports it
    /// (Linux); the stage that raised it is the one to look at.
    pub peak_kib: Option<u64>,
}

/// A stopwatch that records the time since the previous stage each time one ends.
pub struct Laps {
    stages: Vec<Stage>,
    lap: Instant,
}

impl Laps {
    /// Starts timing the first stage.
    pub fn start() -> Laps {
        Laps {
            stages: Vec::new(),
            lap: Instant::now(),
        }
    }

    /// Ends the current stage under `name` and starts the next.
    pub fn done(&mut self, name: &'static str) {
        self.stages.push(Stage {
            name,
            took: self.lap.elapsed(),
            peak_kib: peak_memory_kib(),
        });
        self.lap = Instant::now();
    }

    /// Records stages timed elsewhere (the parts of a larger stage) and starts the next.
    pub fn add(&mut self, stages: &[Stage]) {
        self.stages.extend_from_slice(stages);
        self.lap = Instant::now();
    }

    /// The stages recorded, in order.
    pub fn into_stages(self) -> Vec<Stage> {
        self.stages
    }
}

/// The peak resident set size of this process (`VmHWM` in `/proc/self/status`).
fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_are_recorded_in_order_with_their_names() {
        let mut laps = Laps::start();
        laps.done("first");
        laps.add(&[Stage {
            name: "inner",
            took: Duration::from_millis(3),
            peak_kib: None,
        }]);
        laps.done("last");
        let names: Vec<&str> = laps.into_stages().iter().map(|s| s.name).collect();
        assert_eq!(names, ["first", "inner", "last"]);
    }
}
