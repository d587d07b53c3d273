-- Requests picked at random from the lines of the file $LINES, each appended to $PREFIX:
-- W1 prisoner pages uniform over every slug (PREFIX=/prisoners/, LINES=bench/.slugs), and
-- W3 searches the page cache cannot answer (PREFIX=/prisoners?, LINES=a file of thousands of
-- query strings), as many readers each asking for something different at once.
local prefix = os.getenv("PREFIX")
local lines = {}
for line in io.lines(os.getenv("LINES")) do lines[#lines + 1] = line end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(os.time() + seed * 104729)
end

function request()
  return wrk.format("GET", prefix .. lines[math.random(#lines)])
end
