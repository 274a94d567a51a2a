-- An end-to-end run of connect-lint's language server in a real LSP client: Neovim (headless, Debian's 0.7,
-- so vim.lsp.start_client rather than vim.lsp.start). Opens manifest.json of the deployment in the current
-- directory, waits for the diagnostics, applies the quick fix for the first CL1007, saves, and waits for the new
-- diagnostics (one CL1007 fewer).
-- Writes what it saw, one fact per line, to $CONNECT_LINT_NVIM_REPORT; exits 0 when it got that far.
local report = assert(os.getenv("CONNECT_LINT_NVIM_REPORT"))
local lines = {}
local function say(line) table.insert(lines, line) end
local function finish(code)
  local file = io.open(report, "w"); file:write(table.concat(lines, "\n") .. "\n"); file:close()
  vim.cmd((code == 0) and "qall!" or ("cquit " .. code))
end

local root = vim.fn.getcwd()
local client_id = vim.lsp.start_client({
  name = "connect-lint",
  cmd = { "dotnet", assert(os.getenv("CONNECT_LINT_DLL")), "server" },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = "project" } },
})
vim.cmd("edit manifest.json")
vim.lsp.buf_attach_client(0, client_id)

local function codes()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    found[#found + 1] = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  end
  table.sort(found)
  return found
end
local function count(code)
  local n = 0
  for _, c in ipairs(codes()) do if c == code then n = n + 1 end end
  return n
end

if not vim.wait(60000, function() return count("CL1007") > 0 end, 100) then say("no CL1007 within 60 s"); return finish(1) end
local stale_before = count("CL1007")
say("diagnostics: " .. table.concat(codes(), " "))

-- Neovim 0.7 keeps only code and data of the LSP diagnostic in user_data: the range is rebuilt from its own fields.
local stale
for _, d in ipairs(vim.diagnostic.get(0)) do
  if not stale and (d.code or d.user_data.lsp.code) == "CL1007" then
    stale = { code = "CL1007", message = d.message, severity = 2,
              range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } } }
  end
end
local responses = vim.lsp.buf_request_sync(0, "textDocument/codeAction", {
  textDocument = { uri = vim.uri_from_bufnr(0) },
  range = stale.range,
  context = { diagnostics = { stale }, only = { "quickfix" } },
}, 30000)
local applied = false
for _, response in pairs(responses or {}) do
  if response.error then say("code action error: " .. vim.inspect(response.error):gsub("\n", " "):sub(1, 300)) end
  for _, action in ipairs(response.result or {}) do
    if not applied and action.edit then
      say("quick fix: " .. action.title)
      vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
      applied = true
    end
  end
end
if not applied then say("no quick fix offered"); return finish(1) end

vim.cmd("write")
if not vim.wait(60000, function() return count("CL1007") < stale_before end, 100) then say("as many CL1007 60 s after the save"); return finish(1) end
say("after save: " .. table.concat(codes(), " "))
vim.lsp.stop_client(client_id)
finish(0)
