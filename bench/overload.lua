-- wrk script for the overload measurement: /api/search with the query list of bench/queries.txt in
-- turn, counting answers by status. Run from the project folder:
--   wrk -t2 -c600 -d15s --timeout 10s --latency -s bench/overload.lua http://127.0.0.1:7111
local paths = {}
for line in io.lines("bench/queries.txt") do
  local params = line:match("^[^#][^\t]*\t(.+)$")
  if params then
    params = params:gsub(" ", "+"):gsub("|", "%%7C"):gsub('"', "%%22")
    table.insert(paths, "/api/search?" .. params)
  end
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

local i = 0
served, refused, other = 0, 0, 0
function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
function response(status, headers, body)
  if status == 200 then
    served = served + 1
  elseif status == 503 then
    refused = refused + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local s, r, o = 0, 0, 0
  for _, t in ipairs(threads) do
    s = s + t:get("served")
    r = r + t:get("refused")
    o = o + t:get("other")
  end
  io.write(string.format("served (200): %d, refused (503): %d, other: %d\n", s, r, o))
end
