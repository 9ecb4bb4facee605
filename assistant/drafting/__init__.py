"""文书生成: enforcement documents drafted from a case file through agency-editable templates."""
