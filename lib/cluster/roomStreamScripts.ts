import { RedisScript } from './redisScript';

/**
 * Appends one message to a room's stream, fenced and in order, then trims what is older than the retention.
 * KEYS: lease, log, log-meta.
 * ARGV: lease value (`<token>:<nodeId>`), token, expected epoch ('' = start a new log), seq, message JSON, wall ms,
 *       retention ms, max entries, idle ttl ms.
 * Replies: {'appended', epoch} | {'fenced'} | {'epoch_changed', epoch or '', lastSeq or ''} | {'out_of_order', lastSeq}.
 *
 * - Fenced: nothing is written unless the lease holds exactly this node and token.
 * - No fork: continuing a log, the seq must be the last seq + 1; the entry id is `<seq>-0`, so Redis itself would
 *   refuse a second entry with a seq already used.
 * - A new log (after a wipe, an expiry, or for a fresh room) gets a new epoch, made in Redis from the creator's
 *   token and Redis's clock: it never equals an epoch a client saw before.
 * - Entry wall times never go backwards (max with the last one), so the oldest entries are the first ones; the
 *   trim drops them oldest first and never the entry just added.
 */
export const APPEND_FENCED = new RedisScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return {'fenced'} end
local seq = tonumber(ARGV[4])
local meta = redis.call('HMGET', KEYS[3], 'epoch', 'lastSeq', 'lastMs')
local epoch = meta[1]
local lastMs = 0
if ARGV[3] == '' then
  if epoch then return {'epoch_changed', epoch, meta[2] or ''} end
  local now = redis.call('TIME')
  epoch = ARGV[2] .. '-' .. now[1] .. string.format('%06d', tonumber(now[2]))
  redis.call('DEL', KEYS[2])
else
  if epoch ~= ARGV[3] then return {'epoch_changed', epoch or '', meta[2] or ''} end
  if seq ~= tonumber(meta[2]) + 1 then return {'out_of_order', meta[2]} end
  lastMs = tonumber(meta[3])
end
local atMs = math.max(tonumber(ARGV[6]), lastMs)
redis.call('XADD', KEYS[2], string.format('%d-0', seq), 'm', ARGV[5], 't', string.format('%d', atMs))
redis.call('HSET', KEYS[3], 'epoch', epoch, 'lastSeq', string.format('%d', seq), 'lastMs', string.format('%d', atMs))
local cutoffMs = atMs - tonumber(ARGV[7])
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
if redis.call('XLEN', KEYS[2]) > tonumber(ARGV[8]) then redis.call('XTRIM', KEYS[2], 'MAXLEN', ARGV[8]) end
redis.call('PEXPIRE', KEYS[2], ARGV[9])
redis.call('PEXPIRE', KEYS[3], ARGV[9])
return {'appended', epoch}
`);
