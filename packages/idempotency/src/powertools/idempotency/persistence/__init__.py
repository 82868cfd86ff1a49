"""Persistence layers: where idempotency records live (DynamoDB, Redis, or your own)."""
