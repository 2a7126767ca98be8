"""SOS Lab rounds: the rounds index, the round page with its routed views (ideas, voting,
results), the home page's round section and the demo rounds. The ideas, ballots and votes
themselves are citizen content in soslab.ideas."""
