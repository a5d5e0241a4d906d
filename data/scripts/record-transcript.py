#!/usr/bin/env python3
"""Records a Bot Framework .transcript by talking to a running assistant (expectReplies).

usage: record-transcript.py OUT.transcript [--url http://127.0.0.1:5000] [--elder] TURN...
A TURN is the citizen's text; "@join" sends the conversationUpdate that makes the bot welcome the user.
The file is a JSON array of activities: the user's as sent and the bot's as answered (from.role == "bot"), so the
replay test (Assistant.Tests/Bot/TranscriptReplayTests.cs) can compare every later run with what was reviewed here.
Review a new transcript before committing it: it is the expected dialogue.
"""
import argparse, json, urllib.request, uuid

parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("turns", nargs="+")
parser.add_argument("--url", default="http://127.0.0.1:5000")
parser.add_argument("--elder", action="store_true", help="send channelData.elderMode on every activity")
parser.add_argument("--channel", default="test")
args = parser.parse_args()

conversation = {"id": "transcript-" + uuid.uuid4().hex[:8]}
user = {"id": "user-1", "name": "市民", "role": "user"}
bot = {"id": "assistant", "name": "导办助手", "role": "bot"}
activities = []
for number, turn in enumerate(args.turns, 1):
    activity = {"type": "message", "id": f"{number:07d}", "channelId": args.channel, "from": user, "recipient": bot,
                "conversation": conversation, "locale": "zh-CN", "deliveryMode": "expectReplies"}
    if turn == "@join":
        activity.update(type="conversationUpdate", membersAdded=[bot, user])
    else:
        activity["text"] = turn
    if args.elder:
        activity["channelData"] = {"elderMode": True}
    request = urllib.request.Request(args.url + "/api/messages", json.dumps(activity).encode(),
                                     {"Content-Type": "application/json"})
    replies = json.load(urllib.request.urlopen(request))["activities"]
    del activity["deliveryMode"]
    activities.append(activity)
    for reply in replies:
        for volatile in ("id", "timestamp", "replyToId", "conversation", "recipient", "serviceUrl"):
            reply.pop(volatile, None)
        activities.append(reply)

with open(args.out, "w", encoding="utf-8") as f:
    json.dump(activities, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(f"{args.out}: {len(activities)} activities")
