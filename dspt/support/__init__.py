"""Support programmes: support organisations (county care associations and the like), their staff, the providers
they support (their cohort), and each provider's consent to be seen by them."""
