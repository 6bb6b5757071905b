//! The client's address, from the TCP peer or from the header a reverse proxy sets
//! (see [`ClientIpSource`] for why that is a setting and not a guess).

use std::net::{IpAddr, SocketAddr};

use axum::http::HeaderMap;

use crate::config::ClientIpSource;

/// The client's address; falls back to the peer when the proxy's header is missing or
/// unreadable, so a misconfigured proxy degrades to one shared limit rather than none.
pub fn client_ip(source: ClientIpSource, peer: SocketAddr, headers: &HeaderMap) -> IpAddr {
    let from_header = match source {
        ClientIpSource::Peer => None,
        // The last entry is the one our own proxy appended; earlier ones are the client's
        // to invent.
        ClientIpSource::XForwardedFor => header_text(headers, "x-forwarded-for")
            .and_then(|list| list.rsplit(',').next())
            .and_then(parse_ip),
        ClientIpSource::XRealIp => header_text(headers, "x-real-ip").and_then(parse_ip),
    };
    from_header.unwrap_or_else(|| peer.ip())
}

fn header_text<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|value| value.to_str().ok())
}

fn parse_ip(text: &str) -> Option<IpAddr> {
    text.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn headers(name: &'static str, value: &'static str) -> HeaderMap {
        let mut map = HeaderMap::new();
        map.insert(name, value.parse().unwrap());
        map
    }

    const PEER: &str = "10.0.0.1:5000";

    #[test]
    fn the_last_forwarded_address_is_the_client() {
        let ip = client_ip(
            ClientIpSource::XForwardedFor,
            PEER.parse().unwrap(),
            &headers("x-forwarded-for", "1.1.1.1, 203.0.113.7"),
        );
        assert_eq!(ip.to_string(), "203.0.113.7");
    }

    #[test]
    fn headers_are_ignored_unless_configured() {
        let ip = client_ip(
            ClientIpSource::Peer,
            PEER.parse().unwrap(),
            &headers("x-real-ip", "203.0.113.7"),
        );
        assert_eq!(ip.to_string(), "10.0.0.1");
    }

    #[test]
    fn a_missing_header_falls_back_to_the_peer() {
        let ip = client_ip(
            ClientIpSource::XRealIp,
            PEER.parse().unwrap(),
            &HeaderMap::new(),
        );
        assert_eq!(ip.to_string(), "10.0.0.1");
    }
}
