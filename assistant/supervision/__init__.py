"""执法监督: 案卷评查 of closed case files and the supervision view over all cases."""
