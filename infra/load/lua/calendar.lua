-- GET /api/v1/calendar?from&to: a random user's 30 days (a month) ending on a random day of the history.
package.path = (os.getenv("LOAD_LUA_DIR") or "infra/load/lua") .. "/?.lua;" .. package.path
local lib = require("lib")
lib.scenario("calendar", function(user)
  local last = math.max(1, #lib.dates - 30)
  local k = math.random(last)
  local to = lib.dates[k]
  local from = lib.dates[math.min(#lib.dates, k + 29)]
  return lib.get("/api/v1/calendar?from=" .. from .. "&to=" .. to, user)
end)
