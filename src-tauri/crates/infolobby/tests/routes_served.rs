//! Every operation of the client's route table is served by the sandbox: the two are written
//! apart (the sandbox shares no code with the client), so this is what notices a route that
//! exists on one side only.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod common;

use std::collections::BTreeSet;

use infolobby::routes::Op;

#[test]
fn samples_cover_every_operation() {
    let seen: BTreeSet<usize> = Op::samples().into_iter().map(Op::variant_index).collect();
    assert_eq!(seen.len(), Op::COUNT, "Op::samples misses an operation");
}

#[tokio::test]
async fn every_route_is_served_by_the_sandbox() {
    let s = common::sandbox().await;
    let http = reqwest::Client::new();
    let mut missing = Vec::new();
    for op in Op::samples() {
        let route = op.route();
        let res = http
            .request(
                route.method.clone(),
                format!("{}{}", s.base_url(), route.path),
            )
            .bearer_auth("il_live_sandbox_owner")
            .json(&serde_json::json!({}))
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        let body = res.text().await.unwrap_or_default();
        // The sandbox's fallback for unknown paths and methods; any other answer (even a
        // refusal or a validation error) means the route is there.
        if (status == 404 && body == "Not Found") || status == 405 {
            missing.push(format!(
                "{op:?}: {} {} -> {status} {body}",
                route.method, route.path
            ));
        }
    }
    assert!(
        missing.is_empty(),
        "not served by the sandbox:\n{}",
        missing.join("\n")
    );
    s.shutdown().await;
}
