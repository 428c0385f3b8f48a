-- wrk script: each request submits a new result (fresh client uuid) for one of the
-- students whose tokens are in the file named by the first script argument.
-- Usage: wrk ... -s submit.lua URL -- TOKENS_FILE BODY_TEMPLATE_FILE RUN_NUMBER
-- (BODY_TEMPLATE_FILE holds the JSON with @ID@ where the uuid goes; RUN_NUMBER keeps
-- uuids of successive runs against one database apart)
local counter = 0

-- A distinct number per thread, with the run number, keeps every uuid unique.
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end

-- Everything but the uuid is built once in init(): per request only the uuid is formatted and
-- three strings joined, so the client's Lua costs about what wrk's own /healthz request does
-- and the run measures the server (wrk.format would rebuild every header each time).
local heads = {}   -- per token: request line and headers, up to the blank line
local before, after -- the body template around @ID@
local tid
local run
local n = 0

local function read_all(path)
  local f = assert(io.open(path, "r"))
  local s = f:read("*a")
  f:close()
  return s
end

function init(args)
  local template = read_all(args[2]):gsub("%s+$", "")
  local at = assert(template:find("@ID@", 1, true), "body template has no @ID@")
  before, after = template:sub(1, at - 1), template:sub(at + 4)
  tid = tonumber(wrk.thread:get("tid")) or 1
  run = tonumber(args[3]) or 0
  local body_length = #before + 36 + #after -- a uuid is 36 characters
  for token in read_all(args[1]):gmatch("[^\n]+") do
    table.insert(heads, "POST /api/v1/results HTTP/1.1\r\nHost: " .. wrk.host .. ":" .. wrk.port ..
      "\r\nContent-Type: application/json\r\nAuthorization: Bearer " .. token ..
      "\r\nContent-Length: " .. body_length .. "\r\n\r\n")
  end
end

function request()
  n = n + 1
  local id = string.format("%08x-%04x-4000-8000-%012d", tid, run, n)
  return heads[(n + tid) % #heads + 1] .. before .. id .. after
end
