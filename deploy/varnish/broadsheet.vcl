# Broadsheet's reference Varnish configuration (Varnish 7.1 or later, with varnish-modules for
# xkey). It sits in front of one or more Broadsheet instances and:
#
# - caches what Broadsheet says is shareable, for as long as its Cache-Control says
#   (`s-maxage`), and nothing private: previews, unlocked protected posts, the webhook and API
#   routes, comment POSTs and every error page go to Broadsheet every time;
# - keeps serving the cached pages (grace, up to a day) while every instance is down, and only
#   for a few seconds past their lifetime while an instance is up;
# - purges by cache tag: every page names its tags in `xkey` (Broadsheet's cache tags, see
#   README "Deployment"), and Broadsheet sends `PURGE` with the tags of every change in
#   `xkey-purge` (or `xkey-softpurge`) to the addresses in VARNISH_PURGE_URLS.
#
# The backends live in broadsheet-backends.vcl (see backends.example.vcl), found on Varnish's
# vcl_path, so this file stays the same everywhere.
vcl 4.1;

import directors;
import std;
import xkey;

# Who may purge: the Broadsheet instances. Widen to their addresses.
acl purgers {
  "127.0.0.1";
  "::1";
}

# Health of each instance, asked every second: an instance that misses two of three answers is
# taken out of rotation, and when none is left the cached pages are served from grace.
probe broadsheet_health {
  .url = "/robots.txt";
  .interval = 1s;
  .timeout = 1s;
  .window = 3;
  .threshold = 2;
  .initial = 2;
}

sub vcl_init {
  new broadsheet = directors.round_robin();
}

# Declares the backends (with `.probe = broadsheet_health;`) and adds each to `broadsheet` in its
# own `sub vcl_init`.
include "broadsheet-backends.vcl";

sub vcl_recv {
  if (req.method == "PURGE") {
    if (client.ip !~ purgers) {
      return (synth(403, "Forbidden"));
    }
    if (req.http.xkey-purge) {
      set req.http.x-purged = xkey.purge(req.http.xkey-purge);
    } elsif (req.http.xkey-softpurge) {
      set req.http.x-purged = xkey.softpurge(req.http.xkey-softpurge);
    } else {
      return (synth(400, "Name the tags in xkey-purge or xkey-softpurge"));
    }
    return (synth(200, "Purged " + req.http.x-purged + " objects"));
  }
  set req.backend_hint = broadsheet.backend();
  # Comment POSTs, the webhook, unlock attempts: never cached, never coalesced.
  if (req.method != "GET" && req.method != "HEAD") {
    return (pass);
  }
  # API routes, previews and unlocked protected posts are personal or live.
  if (req.url ~ "^/(api|preview|protected)/") {
    return (pass);
  }
  # While an instance is up, a page past its lifetime is served stale for a few seconds at most
  # while it is fetched again; with every instance down, for as long as its grace lasts.
  if (std.healthy(req.backend_hint)) {
    set req.grace = 10s;
  }
  # Otherwise Varnish's built-in rules: requests with a cookie or credentials are passed.
}

sub vcl_backend_response {
  # A failing instance during a background refresh: keep the copy we have.
  if (beresp.status >= 500 && bereq.is_bgfetch) {
    return (abandon);
  }
  # Error pages (404, 410, 503, …), private answers and answers that set a cookie are never
  # stored; a short hit-for-miss keeps requests for them from queueing behind each other.
  if (beresp.status >= 400 ||
      beresp.http.Set-Cookie ||
      beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)" ||
      beresp.http.Cache-Control !~ "(?i)s-maxage=[1-9]") {
    set beresp.ttl = 10s;
    set beresp.grace = 0s;
    set beresp.uncacheable = true;
    return (deliver);
  }
  # The lifetime is Broadsheet's s-maxage (Varnish reads it itself); grace for outages.
  set beresp.grace = 24h;
  return (deliver);
}

sub vcl_synth {
  # A purge's answer is one line for the purger's log, not an HTML page.
  if (req.method == "PURGE") {
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.body = resp.reason + {"
"};
    return (deliver);
  }
}

sub vcl_backend_error {
  set beresp.http.Cache-Control = "private, no-store";
}

sub vcl_deliver {
  # The tags are for this cache only.
  unset resp.http.xkey;
  unset resp.http.Surrogate-Key;
  unset resp.http.Cache-Tag;
  if (obj.uncacheable) {
    set resp.http.x-varnish-cache = "PASS";
  } elsif (obj.hits > 0) {
    set resp.http.x-varnish-cache = "HIT";
  } else {
    set resp.http.x-varnish-cache = "MISS";
  }
}
