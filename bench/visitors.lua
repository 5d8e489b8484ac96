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
  return wrk.format("GET", nil, { ["User-Agent"] = "bench/" .. tid .. "-" .. n })
end
