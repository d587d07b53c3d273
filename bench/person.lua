-- W1: prisoner pages, uniform over every published slug (the file in $SLUGS, one per line).
local slugs = {}
for line in io.lines(os.getenv("SLUGS")) do slugs[#slugs + 1] = line end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(os.time() + seed * 7919)
end

function request()
  return wrk.format("GET", "/prisoners/" .. slugs[math.random(#slugs)])
end
