//! A token bucket per client address: each client may send `burst` reports at once, then one
//! every `60 / per_minute` seconds. Kept in memory: a restart forgives everyone, which is fine
//! for a limit meant to blunt floods, not to account.

use std::{
    collections::HashMap,
    net::IpAddr,
    sync::Mutex,
    time::{Duration, Instant},
};

use crate::config::RateLimitConfig;

/// Forgotten buckets are swept after this many decisions, so that a stream of one-off clients
/// cannot grow the map without bound.
const SWEEP_EVERY: u32 = 4096;

#[derive(Debug)]
pub struct RateLimiter {
    per_second: f64,
    burst: f64,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    buckets: HashMap<IpAddr, Bucket>,
    decisions_since_sweep: u32,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

/// The answer for one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allowed,
    /// Refused; a token is available again after this long.
    Limited {
        retry_after: Duration,
    },
}

impl RateLimiter {
    pub fn new(config: &RateLimitConfig) -> Self {
        Self {
            per_second: config.per_minute / 60.0,
            burst: f64::from(config.burst),
            state: Mutex::default(),
        }
    }

    /// Takes one token from `client`'s bucket if it has one.
    pub fn check(&self, client: IpAddr) -> Decision {
        self.check_at(client, Instant::now())
    }

    fn check_at(&self, client: IpAddr, now: Instant) -> Decision {
        // A poisoned lock only means another request panicked mid-update; the buckets are
        // still usable numbers.
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        state.decisions_since_sweep += 1;
        if state.decisions_since_sweep >= SWEEP_EVERY {
            state.decisions_since_sweep = 0;
            self.sweep(&mut state.buckets, now);
        }
        let bucket = state.buckets.entry(client).or_insert(Bucket {
            tokens: self.burst,
            updated: now,
        });
        bucket.tokens = self.refilled(bucket, now);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Decision::Allowed
        } else {
            let wait = (1.0 - bucket.tokens) / self.per_second;
            Decision::Limited {
                retry_after: Duration::from_secs_f64(wait),
            }
        }
    }

    fn refilled(&self, bucket: &Bucket, now: Instant) -> f64 {
        let elapsed = now.saturating_duration_since(bucket.updated).as_secs_f64();
        (bucket.tokens + elapsed * self.per_second).min(self.burst)
    }

    /// Drops buckets that have refilled completely: a new full bucket is the same thing.
    fn sweep(&self, buckets: &mut HashMap<IpAddr, Bucket>, now: Instant) {
        buckets.retain(|_, bucket| self.refilled(bucket, now) < self.burst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limiter(per_minute: f64, burst: u32) -> RateLimiter {
        RateLimiter::new(&RateLimitConfig {
            enabled: true,
            per_minute,
            burst,
        })
    }

    const CLIENT: IpAddr = IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);
    const OTHER: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 1));

    #[test]
    fn a_burst_is_allowed_then_the_client_waits() {
        let limiter = limiter(10.0, 5);
        let start = Instant::now();
        for _ in 0..5 {
            assert_eq!(limiter.check_at(CLIENT, start), Decision::Allowed);
        }
        let Decision::Limited { retry_after } = limiter.check_at(CLIENT, start) else {
            panic!("the sixth report at once must be limited");
        };
        // 10 per minute: one token every 6 s.
        assert!(
            (retry_after.as_secs_f64() - 6.0).abs() < 0.01,
            "{retry_after:?}"
        );
        assert_eq!(limiter.check_at(OTHER, start), Decision::Allowed);
        let later = start + Duration::from_secs(6);
        assert_eq!(limiter.check_at(CLIENT, later), Decision::Allowed);
        assert!(matches!(
            limiter.check_at(CLIENT, later),
            Decision::Limited { .. }
        ));
    }

    #[test]
    fn full_buckets_are_swept() {
        let limiter = limiter(60.0, 1);
        let start = Instant::now();
        assert_eq!(limiter.check_at(CLIENT, start), Decision::Allowed);
        let mut state = limiter.state.lock().unwrap_or_else(|p| p.into_inner());
        limiter.sweep(&mut state.buckets, start + Duration::from_secs(2));
        assert!(state.buckets.is_empty());
    }
}
