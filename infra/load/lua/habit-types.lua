-- GET /api/v1/habit-types: authenticated (a random user's token) and trivial: the cost of the JAX-RS stack and of
-- authentication, the reference the other scenarios are compared with.
package.path = (os.getenv("LOAD_LUA_DIR") or "infra/load/lua") .. "/?.lua;" .. package.path
local lib = require("lib")
lib.scenario("habit-types", function(user)
  return lib.get("/api/v1/habit-types", user)
end)
