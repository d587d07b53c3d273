//! Who is asking: the client's IP address, for the login throttle and the audit log.
//!
//! Behind a reverse proxy or a CDN every connection comes from the proxy, and the client is
//! named in `X-Forwarded-For` (or `Forwarded: for=`). Those headers are anyone's to write, so
//! they are read only when the connection comes from an address in `TRUSTED_PROXIES`, and then
//! from the right: each trusted proxy appends the address it saw, so the rightmost address that
//! is not a trusted proxy is the client; what lies left of it may be forged.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use sqlx::types::ipnetwork::IpNetwork;

use crate::app::AppState;

/// The client's IP address; `None` when the server runs without connection info (tests that
/// drive the router in-process without saying where a request comes from).
pub struct ClientIp(pub Option<IpAddr>);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
        Ok(ClientIp(peer.map(|peer| client_address(peer, &parts.headers, &state.trusted_proxies))))
    }
}

/// The client behind `peer`: `peer` itself unless it is a trusted proxy, else the rightmost
/// forwarded address that is not one (or the last one read, when an entry does not parse).
pub fn client_address(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNetwork]) -> IpAddr {
    let is_trusted = |ip: IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(peer) {
        return peer;
    }
    let mut client = peer;
    for hop in forwarded_hops(headers).into_iter().rev() {
        let Some(ip) = hop else { break };
        client = ip;
        if !is_trusted(ip) {
            break;
        }
    }
    client
}

/// The addresses of `X-Forwarded-For`, else of `Forwarded`'s `for=`, left to right; `None` for
/// an entry that is not an IP address (`unknown`, an obfuscated name, garbage).
fn forwarded_hops(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let values = |name: &str| -> Vec<String> {
        headers.get_all(name).iter().map(|v| v.to_str().map(str::to_owned).unwrap_or_default()).collect()
    };
    let x_forwarded_for = values("x-forwarded-for");
    if !x_forwarded_for.is_empty() {
        return x_forwarded_for.iter().flat_map(|v| v.split(',')).map(parse_hop).collect();
    }
    values("forwarded")
        .iter()
        .flat_map(|v| v.split(','))
        .filter_map(|element| {
            element.split(';').find_map(|pair| {
                let (key, value) = pair.trim().split_once('=')?;
                key.trim().eq_ignore_ascii_case("for").then(|| parse_hop(value.trim().trim_matches('"')))
            })
        })
        .collect()
}

/// `203.0.113.7`, `203.0.113.7:4711`, `2001:db8::1` or `[2001:db8::1]:4711`.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    hop.parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<SocketAddr>().ok().map(|s| s.ip()))
        .or_else(|| hop.strip_prefix('[')?.split(']').next()?.parse().ok())
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_static(value));
        }
        map
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn forwarded_addresses_count_only_from_a_trusted_proxy_and_from_the_right() {
        let trusted: Vec<IpNetwork> = vec!["127.0.0.1/32".parse().unwrap(), "10.0.0.0/8".parse().unwrap()];
        let forged = headers(&[("x-forwarded-for", "198.51.100.9, 203.0.113.7")]);
        assert_eq!(client_address(ip("192.0.2.1"), &forged, &trusted), ip("192.0.2.1"), "not from a proxy");
        assert_eq!(client_address(ip("127.0.0.1"), &forged, &[]), ip("127.0.0.1"), "no proxy is trusted");
        assert_eq!(client_address(ip("127.0.0.1"), &forged, &trusted), ip("203.0.113.7"), "the rightmost");
        let chain = headers(&[("x-forwarded-for", "198.51.100.9, 203.0.113.7:4711"), ("x-forwarded-for", "10.1.2.3")]);
        assert_eq!(client_address(ip("10.9.9.9"), &chain, &trusted), ip("203.0.113.7"), "through two proxies");
        let garbage = headers(&[("x-forwarded-for", "203.0.113.7, not-an-address, 10.1.2.3")]);
        assert_eq!(client_address(ip("127.0.0.1"), &garbage, &trusted), ip("10.1.2.3"), "no further than it parses");
        assert_eq!(client_address(ip("127.0.0.1"), &HeaderMap::new(), &trusted), ip("127.0.0.1"));
        let standard = headers(&[("forwarded", "for=198.51.100.9;proto=https, for=\"[2001:db8::7]:4711\"")]);
        assert_eq!(client_address(ip("127.0.0.1"), &standard, &trusted), ip("2001:db8::7"));
    }
}
