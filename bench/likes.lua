-- wrk script for the like target (bench/targets.sh): POST /api/v1/articles/{id}/like as the
-- contract says (the visitor's warta_vid cookie and its CSRF token in X-CSRF-Token), each
-- request a (visitor, article) pair not liked before, so every request is a new durable like.
-- Arguments: a file of "cookie token" lines and a file of article ids.
local visitors = {}
local articles = {}

function init(args)
  for line in io.lines(args[1]) do
    local cookie, token = line:match("^(%S+) (%S+)$")
    visitors[#visitors + 1] = { cookie, token }
  end
  for line in io.lines(args[2]) do
    articles[#articles + 1] = line
  end
  n = 0
end

function request()
  local v = visitors[(n % #visitors) + 1]
  local a = articles[(math.floor(n / #visitors) % #articles) + 1]
  n = n + 1
  return wrk.format("POST", "/api/v1/articles/" .. a .. "/like", {
    ["Cookie"] = "warta_vid=" .. v[1],
    ["X-CSRF-Token"] = v[2],
    ["Content-Length"] = "0",
  }, "")
end
