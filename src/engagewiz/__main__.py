from engagewiz.entry import main

main()
