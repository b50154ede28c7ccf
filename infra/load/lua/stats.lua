-- GET /api/v1/habits/{id}/stats: a random habit of a random user (run.sh reads each sampled habit's statistics once
-- before measuring, so this is the cached read unless a write scenario changed the habit since).
package.path = (os.getenv("LOAD_LUA_DIR") or "infra/load/lua") .. "/?.lua;" .. package.path
local lib = require("lib")
lib.scenario("stats", function(user)
  return lib.get("/api/v1/habits/" .. lib.pick(user.all) .. "/stats", user)
end)
