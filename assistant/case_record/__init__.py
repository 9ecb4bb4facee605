"""执法全过程记录: an append-only, hash-chained event log per case, with attachments.

Follows 《广东省行政执法全过程记录办法》: 启动、调查取证、审核、决定、送达、执行 are
recorded (第二条), original audio-visual records may not be cut or edited (第二十七条).
"""
