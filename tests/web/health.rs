//! `/healthz` tells a load balancer whether the database answers.

use crate::helpers::TestApp;

#[tokio::test]
async fn healthz_is_200_with_a_database_and_503_without() {
    let app = TestApp::new().await;
    assert_eq!(app.get("/healthz").await.status, 200);

    app.db.drop_now().await;

    assert_eq!(app.get("/healthz").await.status, 503);
    let page = app.get("/").await;
    assert_eq!(page.status, 503, "pages say the database is unavailable");
    assert_eq!(page.text("h1"), "Temporarily unavailable");
    assert_eq!(page.header("retry-after"), "10");
}
