//! Wall time per stage, for `--timings`: how a build's time splits between its stages.

use std::time::{Duration, Instant};

/// A stopwatch that records the time since the previous stage each time one ends.
pub struct Laps {
    stages: Vec<(&'static str, Duration)>,
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
        self.stages.push((name, self.lap.elapsed()));
        self.lap = Instant::now();
    }

    /// Records stages timed elsewhere (the parts of a larger stage) and starts the next.
    pub fn add(&mut self, stages: &[(&'static str, Duration)]) {
        self.stages.extend_from_slice(stages);
        self.lap = Instant::now();
    }

    /// The stages recorded, in order.
    pub fn into_stages(self) -> Vec<(&'static str, Duration)> {
        self.stages
    }
}
