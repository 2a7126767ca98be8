"""Maker team project pages: the projects index, the project page, its creation by the team
leader, the team editors' page permissions, the Project review workflow and the demo teams'
projects. Teams and memberships themselves are soslab.teams."""
