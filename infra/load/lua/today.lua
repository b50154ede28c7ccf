-- GET /api/v1/today: a random user's day, every habit evaluated (periods, progress).
package.path = (os.getenv("LOAD_LUA_DIR") or "infra/load/lua") .. "/?.lua;" .. package.path
local lib = require("lib")
lib.scenario("today", function(user)
  return lib.get("/api/v1/today", user)
end)
