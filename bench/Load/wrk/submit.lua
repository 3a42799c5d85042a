-- wrk script: POST /api/observations with a fresh id per request (issue 14), the body bench/Load sends.
--   TRUCE_TOKEN=<bearer secret> wrk -t2 -c32 -d15s --latency -s bench/Load/wrk/submit.lua http://127.0.0.1:5000
-- Each wrk thread has its own Lua state: seeded per thread, so two threads never send the same sequence of ids.
-- The id is a version 4 UUID from math.random (the server never trusts a client id to be random; it needs it unique).
-- wrk counts answers outside 2xx as "Non-2xx"; done() prints 201 / 200 / 409 / 503 / other separately.

local token = os.getenv("TRUCE_TOKEN") or error("set TRUCE_TOKEN to a bearer token of a monitor (truce token create)")
local observed_at = os.getenv("TRUCE_OBSERVED_AT") or os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - 3600)

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + seed)
  created, replayed, conflict, busy, other = 0, 0, 0, 0, 0
end

-- In 16-bit pieces: Lua 5.1's %x takes an int, so nothing wider goes through string.format.
local function uuid4()
  local r = math.random
  return string.format("%04x%04x-%04x-4%03x-%04x-%04x%04x%04x",
    r(0, 0xffff), r(0, 0xffff), r(0, 0xffff), r(0, 0xfff), 0x8000 + r(0, 0x3fff), r(0, 0xffff), r(0, 0xffff), r(0, 0xffff))
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

function request()
  local body = '{"id":"' .. uuid4() .. '","observedAt":"' .. observed_at .. '","timePrecision":"exact",'
    .. '"latitude":39.8177,"longitude":46.7528,"locationPrecisionM":200,"areaName":"Khankendi","category":"explosion",'
    .. '"count":2,"sensor":"heard","narrative":"Two explosions to the north-east, heard from the observation post.","source":"Patrol A-1"}'
  return wrk.format(nil, "/api/observations", nil, body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1
  elseif status == 200 then replayed = replayed + 1
  elseif status == 409 then conflict = conflict + 1
  elseif status == 503 then busy = busy + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local t = { created = 0, replayed = 0, conflict = 0, busy = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do t[k] = t[k] + (thread:get(k) or 0) end
  end
  io.write(string.format("201 created %d, 200 replayed %d, 409 conflict %d, 503 busy %d, other %d\n",
    t.created, t.replayed, t.conflict, t.busy, t.other))
end
