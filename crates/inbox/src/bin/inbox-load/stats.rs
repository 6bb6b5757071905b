//! Latency percentiles over every request of the run (all kept: a bounded run is small).

use std::time::Duration;

pub struct Summary {
    pub count: usize,
    pub p50: Duration,
    pub p95: Duration,
    pub p99: Duration,
    pub max: Duration,
}

pub fn summarize(mut latencies: Vec<Duration>) -> Option<Summary> {
    if latencies.is_empty() {
        return None;
    }
    latencies.sort_unstable();
    // Nearest-rank percentile: the smallest latency at or above that share of requests.
    let at = |share: f64| {
        let rank = (share * latencies.len() as f64).ceil() as usize;
        latencies[rank.clamp(1, latencies.len()) - 1]
    };
    Some(Summary {
        count: latencies.len(),
        p50: at(0.50),
        p95: at(0.95),
        p99: at(0.99),
        max: latencies[latencies.len() - 1],
    })
}

pub fn millis(duration: Duration) -> String {
    format!("{:.2} ms", duration.as_secs_f64() * 1000.0)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let latencies = (1..=100).map(Duration::from_millis).collect();
        let summary = summarize(latencies).unwrap();
        assert_eq!(summary.p50, Duration::from_millis(50));
        assert_eq!(summary.p95, Duration::from_millis(95));
        assert_eq!(summary.p99, Duration::from_millis(99));
        assert_eq!(summary.max, Duration::from_millis(100));
        assert!(summarize(Vec::new()).is_none());
    }
}
