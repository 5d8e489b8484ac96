-- wrk script: every request comes from a new visitor (distinct User-Agent, no cookie), so
-- warta counts a view for each one. nginx gets the same script for a fair comparison.
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
end

function init(args)
  n = 0
end

function request()
  n = n + 1
  -- wrk.format uses the table given instead of wrk.headers (the -H options), not both: without
  -- the copy, "-H 'Accept-Encoding: gzip'" was silently dropped and every gzip target
  -- measured the plain page.
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["User-Agent"] = "bench/" .. tid .. "-" .. n
  return wrk.format("GET", nil, headers)
end
