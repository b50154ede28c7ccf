-- PUT /api/v1/habits/{id}/checkins/{date}: a random boolean habit of a random user, on one of the last
-- LOAD_RECENT_DAYS days (7; today first in dates.txt, from the server's clock), done or (one in five) skipped, with
-- a note unique to the request so that every PUT is a real write, not a repetition that changes nothing.
package.path = (os.getenv("LOAD_LUA_DIR") or "infra/load/lua") .. "/?.lua;" .. package.path
local lib = require("lib")
lib.scenario("checkin", function(user, n)
  local status = math.random(5) == 1 and "skipped" or "done"
  local body = '{"status":"' .. status .. '","note":"load t' .. tid .. ' n' .. n .. '"}'
  return lib.send("PUT", "/api/v1/habits/" .. lib.pick(user.bools) .. "/checkins/" .. lib.recent_date(), user, body)
end)
