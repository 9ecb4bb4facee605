"""Discretion standards (裁量基准): parsed tables, tier decisions, exemption lists."""
