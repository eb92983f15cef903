"""Finnish-first NLU: training data and custom Rasa components."""
