-- POST /api/v1/habits/{id}/checkins/{date}/increment {"delta":1}: a random count habit of a random user, one of the
-- last LOAD_RECENT_DAYS days, with an Idempotency-Key unique to the request (so every one is a first, stored).
package.path = (os.getenv("LOAD_LUA_DIR") or "infra/load/lua") .. "/?.lua;" .. package.path
local lib = require("lib")
local run = nil
lib.scenario("increment", function(user, n)
  run = run or string.format("%x%x", os.time(), math.random(0x7fffffff)) -- after init seeded the generator
  local key = "load-" .. run .. "-" .. tid .. "-" .. n
  return lib.send("POST", "/api/v1/habits/" .. lib.pick(user.counts) .. "/checkins/" .. lib.recent_date() .. "/increment",
    user, '{"delta":1}', { ["Idempotency-Key"] = key })
end)
