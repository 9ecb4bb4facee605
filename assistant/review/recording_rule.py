"""The Guangdong rule on audio-visual records that several review points cite.

Kept apart from the recording checker so that the facts checker (which cites it beside
an unrecorded inspection) and the recording checker (which asks the facts checker whether
an inspection went unrecorded) do not import each other.
"""

AV_RULE = "《广东省行政执法全过程记录办法》第十四条第一款"
