# Makes the bundled SpamAssassin subset: 1,000 ham + 1,000 spam (seed 7), subject + plain-text body, 1,000 chars.
import email, glob, gzip, html, json, random, re
from email import policy
random.seed(7)
def text_of(raw):
    msg = email.message_from_string(raw, policy=policy.compat32)
    subject = msg.get('Subject', '') or ''
    parts = []
    for part in msg.walk():
        if part.get_content_maintype() == 'text':
            payload = part.get_payload(decode=True)
            if payload is None:
                continue
            t = payload.decode('latin-1', errors='replace')
            if part.get_content_subtype() == 'html':
                t = html.unescape(re.sub(r'<[^>]+>', ' ', t))
            parts.append(t)
    body = ' '.join(parts)
    return re.sub(r'\s+', ' ', (str(subject) + ' . ' + body)).strip()[:1000]
def load(groups):
    files = sorted(f for g in groups for f in glob.glob('package/data/%s/*.json' % g))
    return files
ham = load(['easy-ham-1', 'easy-ham-2', 'hard-ham-1'])
spam = load(['spam-1', 'spam-2'])
rows = []
for label, files in ((0, random.sample(ham, 1000)), (1, random.sample(spam, 1000))):
    for f in files:
        d = json.load(open(f))
        rows.append({'spam': label, 'group': d['group'], 'id': d['id'], 'text': text_of(d['text'])})
rows.sort(key=lambda r: (r['group'], r['id']))
with gzip.open('spam-assassin-subset.jsonl.gz', 'wt', encoding='utf-8') as out:
    for r in rows:
        out.write(json.dumps(r, ensure_ascii=True) + '\n')
