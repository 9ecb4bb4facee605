"""执法公示 (publicity): redaction, public entries, deadlines, annual statistics.

Follows 《广东省行政执法公示办法》: what a public entry holds (第十三条), what must be
hidden (第十四条), what is not published at all (第十五条), deadlines (第二十一条、
第二十四条) and the yearly data report (第十七条).
"""
