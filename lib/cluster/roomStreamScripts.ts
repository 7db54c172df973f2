import { RedisScript } from './redisScript';

/**
 * Appends a batch of messages to a room's stream — all of them or none — fenced and in order, with the room's head
 * and a control's answer when given, then trims what is older than the retention.
 * KEYS: lease, log, log-meta[, command record].
 * ARGV: lease value (`<token>:<nodeId>`), token, expected epoch ('' = start a new log), wall ms, retention ms,
 *       max entries, idle ttl ms, head JSON or '', command answer JSON or '', then seq and message JSON of each message.
 * Replies: {'appended', epoch} | {'fenced'} | {'epoch_changed', epoch or '', lastSeq or ''} | {'out_of_order', lastSeq}.
 *
 * - All or nothing: every check runs before the first write (a Lua script is not rolled back when it fails half-way).
 * - Fenced: nothing is written unless the lease holds exactly this node and token.
 * - No fork: continuing a log, the seqs must be the last seq + 1, + 2, …; the entry id is `<seq>-0`, so Redis itself
 *   would refuse a second entry with a seq already used.
 * - A new log (after a wipe, an expiry, or for a fresh room) gets a new epoch, made in Redis from the creator's
 *   token and Redis's clock: it never equals an epoch a client saw before. It starts at the first message's seq.
 * - No messages (allowed with a head only): the head is stored at the log's last seq; nothing is added or trimmed.
 * - The head is stored with `headSeq` = the seq it stands at; the command answer under its own key, expiring with
 *   the retention: a control's effect and its record are in Redis together or not at all.
 * - Entry wall times never go backwards (max with the last one), so the oldest entries are the first ones; the
 *   trim drops them oldest first and never an entry just added.
 */
export const APPEND_FENCED = new RedisScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return {'fenced'} end
local count = (#ARGV - 9) / 2
local meta = redis.call('HMGET', KEYS[3], 'epoch', 'lastSeq', 'lastMs')
local epoch = meta[1]
local lastMs = 0
local lastSeq
local isNew = ARGV[3] == ''
if isNew then
  if epoch then return {'epoch_changed', epoch, meta[2] or ''} end
  if count < 1 then return redis.error_reply('a new log needs a message') end
  lastSeq = tonumber(ARGV[10]) - 1
else
  if epoch ~= ARGV[3] then return {'epoch_changed', epoch or '', meta[2] or ''} end
  lastSeq = tonumber(meta[2])
  lastMs = tonumber(meta[3])
end
for i = 1, count do
  if tonumber(ARGV[8 + 2 * i]) ~= lastSeq + i then return {'out_of_order', string.format('%d', lastSeq)} end
end
if isNew then
  local now = redis.call('TIME')
  epoch = ARGV[2] .. '-' .. now[1] .. string.format('%06d', tonumber(now[2]))
  redis.call('DEL', KEYS[2], KEYS[3])
end
if ARGV[9] ~= '' then redis.call('SET', KEYS[4], ARGV[9], 'PX', ARGV[5]) end
if count == 0 then
  redis.call('HSET', KEYS[3], 'head', ARGV[8], 'headSeq', string.format('%d', lastSeq))
  redis.call('PEXPIRE', KEYS[2], ARGV[7])
  redis.call('PEXPIRE', KEYS[3], ARGV[7])
  return {'appended', epoch}
end
local atMs = math.max(tonumber(ARGV[4]), lastMs)
for i = 1, count do
  redis.call('XADD', KEYS[2], string.format('%d-0', lastSeq + i), 'm', ARGV[9 + 2 * i], 't', string.format('%d', atMs))
end
lastSeq = lastSeq + count
redis.call('HSET', KEYS[3], 'epoch', epoch, 'lastSeq', string.format('%d', lastSeq), 'lastMs', string.format('%d', atMs))
if ARGV[8] ~= '' then redis.call('HSET', KEYS[3], 'head', ARGV[8], 'headSeq', string.format('%d', lastSeq)) end
local cutoffMs = atMs - tonumber(ARGV[5])
local batch = 1
while true do
  local oldest = redis.call('XRANGE', KEYS[2], '-', '+', 'COUNT', batch)
  if #oldest == 0 then break end
  local keepId = nil
  for _, entry in ipairs(oldest) do
    local fields = entry[2]
    local t = 0
    for i = 1, #fields, 2 do
      if fields[i] == 't' then t = tonumber(fields[i + 1]) or 0 end
    end
    if t >= cutoffMs then
      keepId = entry[1]
      break
    end
  end
  if keepId then
    if keepId ~= oldest[1][1] then redis.call('XTRIM', KEYS[2], 'MINID', keepId) end
    break
  end
  local lastSeqOfBatch = tonumber(string.match(oldest[#oldest][1], '^(%d+)'))
  redis.call('XTRIM', KEYS[2], 'MINID', string.format('%d-1', lastSeqOfBatch))
  batch = math.min(batch * 4, 256)
end
if redis.call('XLEN', KEYS[2]) > tonumber(ARGV[6]) then redis.call('XTRIM', KEYS[2], 'MAXLEN', ARGV[6]) end
redis.call('PEXPIRE', KEYS[2], ARGV[7])
redis.call('PEXPIRE', KEYS[3], ARGV[7])
return {'appended', epoch}
`);
