-- wrk script: the ceiling beside submit.lua: the same body to POST /api/bench/echo (only reads it, answers 204).
-- The endpoint exists only on a server started with --Bench:Echo=true. Set TRUCE_TOKEN to measure the echo with a
-- bearer token (the authentication cost alone); leave it unset for the bare HTTP stack.
--   wrk -t2 -c32 -d15s --latency -s bench/Load/wrk/echo.lua http://127.0.0.1:5000

local token = os.getenv("TRUCE_TOKEN")
wrk.method = "POST"
wrk.path = "/api/bench/echo"
wrk.headers["Content-Type"] = "application/json"
if token then wrk.headers["Authorization"] = "Bearer " .. token end
wrk.body = '{"id":"00000000-0000-4000-8000-000000000000","observedAt":"2026-12-03T10:00:00Z","timePrecision":"exact",'
  .. '"latitude":39.8177,"longitude":46.7528,"locationPrecisionM":200,"areaName":"Khankendi","category":"explosion",'
  .. '"count":2,"sensor":"heard","narrative":"Two explosions to the north-east, heard from the observation post.","source":"Patrol A-1"}'
