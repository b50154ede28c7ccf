-- Shared part of the load harness's wrk scripts.
--
-- wrk runs a script in one Lua state per thread (init, request, response) plus one for setup and done. Each thread
-- reads the users the generator sampled (LOAD_DATA_DIR/users.txt: token|boolean habit ids|count habit ids) and the
-- days of the history (LOAD_DATA_DIR/dates.txt, the server's today first), and every request picks a random user,
-- one of that user's habits and, where a date is needed, a recent day.
--
-- done() prints one line that run.sh parses:
--   RESULT scenario=... requests=... duration_s=... rps=... p50_ms=... p99_ms=... non2xx=... statuses=200:n,...
--          connect=... read=... write=... timeout=... first_error=<status and the start of the body of the first
--          non-2xx answer>
local M = {}

local data_dir = os.getenv("LOAD_DATA_DIR") or "."

local function split(s, sep)
  local out = {}
  for part in string.gmatch(s or "", "[^" .. sep .. "]+") do
    out[#out + 1] = part
  end
  return out
end

function M.read_users()
  local users = {}
  for line in io.lines(data_dir .. "/users.txt") do
    local token, bools, counts = line:match("^([^|]+)|([^|]*)|([^|]*)$")
    if token then
      local u = { auth = "Bearer " .. token, bools = split(bools, ","), counts = split(counts, ","), all = {} }
      for _, id in ipairs(u.bools) do u.all[#u.all + 1] = id end
      for _, id in ipairs(u.counts) do u.all[#u.all + 1] = id end
      users[#users + 1] = u
    end
  end
  assert(#users > 0, "no users in " .. data_dir .. "/users.txt")
  return users
end

function M.read_dates()
  local dates = {}
  for line in io.lines(data_dir .. "/dates.txt") do
    if line:match("^%d%d%d%d%-%d%d%-%d%d$") then dates[#dates + 1] = line end
  end
  assert(#dates > 0, "no dates in " .. data_dir .. "/dates.txt")
  return dates
end

-- one of the recent days: dates[1] is today; LOAD_RECENT_DAYS (7 by default) bounds how far back a write goes
function M.recent_date()
  local n = math.min(#M.dates, tonumber(os.getenv("LOAD_RECENT_DAYS") or "7"))
  return M.dates[math.random(n)]
end

function M.pick(list)
  assert(#list > 0, "a sampled user has no habit of the kind this scenario needs (generate at least 6 habits)")
  return list[math.random(#list)]
end

function M.get(path, user)
  return wrk.format("GET", path, { ["Authorization"] = user.auth })
end

function M.send(method, path, user, body, extra)
  local headers = { ["Authorization"] = user.auth, ["Content-Type"] = "application/json" }
  for k, v in pairs(extra or {}) do headers[k] = v end
  return wrk.format(method, path, headers, body)
end

-- Defines wrk's callbacks for a scenario. build(user, n) returns the n-th request of a thread for a random user;
-- without build, wrk sends the URL's plain GET (no Lua per request). opts.count_statuses = false leaves response()
-- undefined (it costs a Lua call with the headers and body per answer, noticeable at tens of thousands of requests
-- per second); non-2xx then comes from wrk's own count of answers >= 400.
function M.scenario(name, build, opts)
  opts = opts or {}
  local count = opts.count_statuses ~= false
  local threads = {}

  -- per-thread globals (every thread's state runs this file)
  tid = 0
  n = 0
  non2xx = 0
  statuses = {}
  first_error = ""

  setup = function(thread)
    threads[#threads + 1] = thread
    thread:set("tid", #threads)
  end

  init = function(args)
    math.randomseed(os.time() * 1000 + tid * 7919 + math.floor(os.clock() * 1000000))
    for _ = 1, 5 do math.random() end
    if build then
      M.users = M.read_users()
      M.dates = M.read_dates()
    end
  end

  if build then
    request = function()
      n = n + 1
      return build(M.pick(M.users), n)
    end
  end

  if count then
    response = function(status, headers, body)
      local k = tostring(status)
      statuses[k] = (statuses[k] or 0) + 1
      if status < 200 or status > 299 then
        non2xx = non2xx + 1
        if first_error == "" then
          first_error = k .. " " .. (string.gsub(string.sub(body or "", 1, 300), "%s+", " "))
        end
      end
    end
  end

  done = function(summary, latency, requests)
    local merged, bad, first = {}, 0, ""
    for _, t in ipairs(threads) do
      for k, v in pairs(t:get("statuses") or {}) do merged[k] = (merged[k] or 0) + v end
      bad = bad + (t:get("non2xx") or 0)
      if first == "" then first = t:get("first_error") or "" end
    end
    if not count then bad = summary.errors.status end
    local keys = {}
    for k in pairs(merged) do keys[#keys + 1] = k end
    table.sort(keys)
    local parts = {}
    for _, k in ipairs(keys) do parts[#parts + 1] = k .. ":" .. merged[k] end
    local seconds = summary.duration / 1e6
    io.write(string.format(
      "RESULT scenario=%s requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d statuses=%s"
        .. " connect=%d read=%d write=%d timeout=%d first_error=%s\n",
      name, summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, bad,
      count and (#parts > 0 and table.concat(parts, ",") or "-") or "not-counted",
      summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, first))
  end
end

return M
