"""The pure core: conditions, gates, the interview walk and the engine. No I/O."""
