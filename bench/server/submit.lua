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

local tokens = {}
local template
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
  for line in read_all(args[1]):gmatch("[^\n]+") do table.insert(tokens, line) end
  template = read_all(args[2]):gsub("%s+$", "")
  tid = tonumber(wrk.thread:get("tid")) or 1
  run = tonumber(args[3]) or 0
end

function request()
  n = n + 1
  local id = string.format("%08x-%04x-4000-8000-%012d", tid, run, n)
  local body = template:gsub("@ID@", id)
  local token = tokens[(n + tid) % #tokens + 1]
  return wrk.format("POST", "/api/v1/results",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end
