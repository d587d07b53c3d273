-- W3 (uncached): searches for surnames picked at random from the names in the database (the
-- file in $QUERIES, one per line), as many researchers searching different people at once.
local queries = {}
for line in io.lines(os.getenv("QUERIES")) do queries[#queries + 1] = line end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(os.time() + seed * 104729)
end

function request()
  return wrk.format("GET", "/prisoners?q=" .. queries[math.random(#queries)])
end
