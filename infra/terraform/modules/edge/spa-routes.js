// CloudFront Function (viewer request) of the web app's behaviour: a path whose last segment has no dot is a
// route of the single-page app (/habits, /settings/sessions) and gets index.html, as Steadfast's own web servlet
// does. Files (/assets/index-….js, /sw.js) are served as they are. /api/* and /health* never come here (their
// behaviours go to the load balancer), so the API's own 404s stay problem+json.
function handler(event) {
    var request = event.request;
    var uri = request.uri;
    var last = uri.substring(uri.lastIndexOf('/') + 1);
    if (last.indexOf('.') === -1) {
        request.uri = '/index.html';
    }
    return request;
}
