-- GET /api/v1/feed: a random user's feed, its first page of 20 (their partner's done days on the shared habits).
package.path = (os.getenv("LOAD_LUA_DIR") or "infra/load/lua") .. "/?.lua;" .. package.path
local lib = require("lib")
lib.scenario("feed", function(user)
  return lib.get("/api/v1/feed?limit=20", user)
end)
