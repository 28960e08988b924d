from django.shortcuts import render

from knotenpunkt.accounts.decorators import network_permission_required


def directory(request):
    return render(request, "members/directory.html", {})


@network_permission_required("workspace.view")
def workspace(request):
    return render(request, "members/workspace.html", {})


@network_permission_required("members.view_internal")
def manage_list(request):
    return render(request, "members/manage_list.html", {})
