-- W3 (uncached): searches picked at random from the file in $QUERIES (one query string per
-- line, thousands of them), as many researchers looking for different people at once: nearly
-- every query is new to the server's page cache.
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
  return wrk.format("GET", "/prisoners?" .. queries[math.random(#queries)])
end
