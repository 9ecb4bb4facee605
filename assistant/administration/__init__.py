"""执法管理: rosters of agencies, powers and officers, pre-enforcement lists, random
inspection draws and the audio-visual recording list (三项制度的事前公开与人员管理)."""
