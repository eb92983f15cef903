"""`neuvo eval ...`: evaluation through the same model and code the bot serves."""
