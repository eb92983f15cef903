"""HTTP concerns shared by every blueprint: security headers, errors, client address."""
