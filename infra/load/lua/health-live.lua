-- GET /health/live: a servlet outside JAX-RS, no authentication: the ceiling of this machine's HTTP path.
-- The URL's plain request, no Lua per request or answer (non-2xx comes from wrk's count of answers >= 400).
package.path = (os.getenv("LOAD_LUA_DIR") or "infra/load/lua") .. "/?.lua;" .. package.path
local lib = require("lib")
lib.scenario("health-live", nil, { count_statuses = false })
